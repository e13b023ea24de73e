extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` gives, allocated through the growth
    /// path the compiler specialises for `Element`. (`Array(repeating:count:)` allocates through the
    /// standard library's out-of-line, unspecialised allocator, which looks the storage class's
    /// generic metadata up at run time: ≈ 330 instructions per array on this toolchain, measured
    /// with callgrind — more than filling a few hundred elements. Used for the arrays made per answer.)
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
