/// The colour of each label: fixed for claimex's tags (the same in every report, so an
/// annotator learns them), picked from a spare palette by name for any other label.
enum LabelColors {
    static let fixed = ["claim": "#fcd34d", "position": "#93c5fd", "figure": "#86efac", "recommendation": "#f9a8d4"]
    static let spare = ["#c4b5fd", "#fdba74", "#5eead4", "#fca5a5", "#a5b4fc", "#bef264"]

    static func color(_ label: String) -> String {
        if let c = fixed[label] { return c }
        let h = label.unicodeScalars.reduce(UInt32(5381)) { ($0 &* 33) &+ $1.value }
        return spare[Int(h % UInt32(spare.count))]
    }
}
