import Foundation

/// How closely our scores follow a human grader's: Pearson r and the share of answers whose grade
/// lands within one band of the human's.
public struct Agreement: Sendable, Equatable, Codable {
    /// Pairs compared.
    public var count: Int
    /// Pearson correlation; nil with fewer than two pairs or when either side is constant.
    public var pearson: Double?
    /// Share (0–1) of pairs whose grades are at most one band apart; nil when there are no pairs.
    public var withinOneBand: Double?

    public init(count: Int, pearson: Double?, withinOneBand: Double?) {
        self.count = count; self.pearson = pearson; self.withinOneBand = withinOneBand
    }

    /// Agreement of `ours` with `human`, both 0–100; grades use `bands`.
    public init(ours: [Double], human: [Double], bands: GradeBands = .standard) {
        let n = min(ours.count, human.count)
        let a = Array(ours.prefix(n)), b = Array(human.prefix(n))
        count = n
        pearson = Agreement.pearson(a, b)
        if n == 0 {
            withinOneBand = nil
        } else {
            let close = zip(a, b).filter { abs(Agreement.bandIndex($0, bands) - Agreement.bandIndex($1, bands)) <= 1 }.count
            withinOneBand = Double(close) / Double(n)
        }
    }

    /// Agreement over pairs that may each come with their own bands (one rubric each).
    public init(pairs: [(ours: Double, human: Double, bands: GradeBands)]) {
        count = pairs.count
        pearson = Agreement.pearson(pairs.map(\.ours), pairs.map(\.human))
        if pairs.isEmpty {
            withinOneBand = nil
        } else {
            let close = pairs.filter { abs(Agreement.bandIndex($0.ours, $0.bands) - Agreement.bandIndex($0.human, $0.bands)) <= 1 }.count
            withinOneBand = Double(close) / Double(pairs.count)
        }
    }

    /// 0 for F … 4 for A.
    static func bandIndex(_ score: Double, _ bands: GradeBands) -> Int {
        switch bands.grade(for: score) { case .A: 4; case .B: 3; case .C: 2; case .D: 1; case .F: 0 }
    }

    /// Pearson's r, or nil when undefined.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = min(x.count, y.count)
        guard n >= 2 else { return nil }
        let mx = x.prefix(n).reduce(0, +) / Double(n)
        let my = y.prefix(n).reduce(0, +) / Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<n {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
