/// Writes into the uninitialized capacity of an array being built by `Array(unsafeUninitializedCapacity:)`:
/// the tokenizer knows beforehand how much it can write at most, so its tokens and folded text go
/// straight into their final arrays — no `Array.append` uniqueness check per element, no growth and
/// no copy at the end. Every write is checked against the capacity.
struct BoundedOutput<Element: BitwiseCopyable> {
    private let base: UnsafeMutablePointer<Element>
    private let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
        capacity = buffer.count
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { precondition(i >= 0 && i < count); return base[i] }
        set { precondition(i >= 0 && i < count); base[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ e: Element) {
        precondition(count < capacity)
        (base + count).initialize(to: e)
        count += 1
    }

    /// Drops the last `n` elements.
    mutating func removeLast(_ n: Int) {
        precondition(n >= 0 && n <= count)
        count -= n
    }

    /// The uninitialized room past `count`, for a loop that writes many elements after one
    /// check (bounded by the room's `count`); `didInitialize` then counts them.
    var room: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base + count, count: capacity - count) }

    /// Counts the first `n` elements of `room` as written.
    mutating func didInitialize(_ n: Int) {
        precondition(n >= 0 && n <= capacity - count)
        count += n
    }
}

extension BoundedOutput where Element == UInt8 {
    /// Appends the UTF-8 encoding of `s`, returning its width in bytes.
    @inline(__always) @discardableResult
    mutating func appendUTF8(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x80 {
            append(UInt8(truncatingIfNeeded: v))
            return 1
        }
        let width = v < 0x800 ? 2 : v < 0x1_0000 ? 3 : 4
        precondition(count + width <= capacity)
        let p = base + count
        switch width {
        case 2:
            p[0] = 0xC0 | UInt8(truncatingIfNeeded: v >> 6)
            p[1] = 0x80 | UInt8(truncatingIfNeeded: v & 0x3F)
        case 3:
            p[0] = 0xE0 | UInt8(truncatingIfNeeded: v >> 12)
            p[1] = 0x80 | UInt8(truncatingIfNeeded: (v >> 6) & 0x3F)
            p[2] = 0x80 | UInt8(truncatingIfNeeded: v & 0x3F)
        default:
            p[0] = 0xF0 | UInt8(truncatingIfNeeded: v >> 18)
            p[1] = 0x80 | UInt8(truncatingIfNeeded: (v >> 12) & 0x3F)
            p[2] = 0x80 | UInt8(truncatingIfNeeded: (v >> 6) & 0x3F)
            p[3] = 0x80 | UInt8(truncatingIfNeeded: v & 0x3F)
        }
        count += width
        return width
    }

    /// Appends the bytes of `source` from `start` on while `accepts` holds (a store each: a word's
    /// few bytes do not pay for a `memcpy` call), returning where it stopped. At most the rest of
    /// `source` must fit.
    @inline(__always)
    mutating func appendRun(of source: UnsafeBufferPointer<UInt8>, from start: Int, while accepts: (UInt8) -> Bool) -> Int {
        precondition(start >= 0 && start <= source.count && count + (source.count - start) <= capacity)
        let p = base + count
        var i = start
        while i < source.count {
            let b = source[i]
            guard accepts(b) else { break }
            p[i - start] = b
            i += 1
        }
        count += i - start
        return i
    }

    /// `body` applied to bytes `range` (within `0..<count`).
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }
}
