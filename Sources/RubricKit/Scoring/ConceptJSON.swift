/// The parts of a concept's JSON object that do not depend on the answer (`id`, `label`,
/// `required`, `step`, `weight`), escaped once per compiled rubric and copied as bytes into every
/// grade's line by `GradeJSONWriter`. A final class: the writer reads one per concept of every
/// grade, and as a struct its four reference-counted fields were copied and destroyed at each read.
public final class ConceptJSON: Sendable {
    let id: String
    let label: String
    let step: FrameworkStep
    let weight: Double
    let required: Bool
    /// `,"id":…,"label":…` (a `note`, when there is one, comes next).
    let head: [UInt8]
    /// `,"required":…,"step":…,"weight":…}`.
    let tail: [UInt8]

    init(id: String, label: String, step: FrameworkStep, weight: Double, required: Bool) {
        (self.id, self.label, self.step, self.weight, self.required) = (id, label, step, weight, required)
        let c = ConceptResult(id: id, label: label, step: step, weight: weight, required: required,
                              hit: false, credit: 0, evidence: [])
        var head = GradeJSONWriter(capacity: 64), tail = GradeJSONWriter(capacity: 64)
        head.writeHead(c)
        tail.writeTail(c)
        self.head = Array(head.bytes)
        self.tail = Array(tail.bytes)
    }

    /// Whether these bytes are `c`'s (the weight compared bit for bit: `-0.0` is written `-0`).
    /// The strings of a grade built from the same compiled rubric share storage, so comparing them
    /// is comparing two words.
    func describes(_ c: ConceptResult) -> Bool {
        c.required == required && c.step == step && c.weight.bitPattern == weight.bitPattern
            && c.id == id && c.label == label
    }
}
