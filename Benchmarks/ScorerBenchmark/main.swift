print("scorer benchmark: not written yet")
