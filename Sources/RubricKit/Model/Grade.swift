/// A letter grade. `A` is best.
public enum Grade: String, Sendable, Codable, CaseIterable, Comparable {
    case A, B, C, D, F

    private var rank: Int {
        switch self { case .A: 4; case .B: 3; case .C: 2; case .D: 1; case .F: 0 }
    }
    /// `A > B > … > F`.
    public static func < (a: Grade, b: Grade) -> Bool { a.rank < b.rank }
}

/// Minimum scores (0–100) for each grade; below `D` is `F`.
public struct GradeBands: Sendable, Equatable, Codable {
    public var a: Double
    public var b: Double
    public var c: Double
    public var d: Double

    public init(a: Double = 85, b: Double = 70, c: Double = 55, d: Double = 40) {
        self.a = a; self.b = b; self.c = c; self.d = d
    }

    public static let standard = GradeBands()

    public func grade(for score: Double) -> Grade {
        if score >= a { return .A }
        if score >= b { return .B }
        if score >= c { return .C }
        if score >= d { return .D }
        return .F
    }

    /// The lowest score of `grade`'s band.
    public func floor(of grade: Grade) -> Double {
        switch grade { case .A: a; case .B: b; case .C: c; case .D: d; case .F: 0 }
    }

    /// The highest score still in `grade`'s band (exclusive upper bound for all but A).
    public func ceiling(of grade: Grade) -> Double {
        switch grade { case .A: 100; case .B: a; case .C: b; case .D: c; case .F: d }
    }
}
