import Foundation

/// What `importCSV` did with each row: the claims added, updated and left as they were, by id,
/// and the rows that could not be imported.
public struct CSVImportSummary: Encodable, Sendable {
    public let added: [String]
    public let updated: [String]
    public let unchanged: [String]
    /// Rows left out under `skipBad`; without it, any bad row stops the whole import.
    public let skipped: [RowProblem]
}

/// A row of a CSV file that cannot be imported, and why.
public struct RowProblem: Encodable, Sendable {
    /// The row as a spreadsheet numbers it: the header is row 1, the first claim row 2.
    public let row: Int
    public let problem: String
}

extension DeskStore {
    /// Reads a claims CSV (the columns of `exportCSV`, matched by header name in any order and
    /// case, plus an optional `occurrence`) and imports every row in one commit, authored by
    /// `editor`; nothing is committed when nothing changed. A row with a claim id the desk holds
    /// updates that claim (see `CSVRowImporter`); any other row files a new claim. A bad row stops
    /// the import, naming the row, unless `skipBad`: then the good rows are committed and the bad
    /// ones listed. See `CSVTable` for what the file must look like.
    @discardableResult
    public func importCSV(_ data: Data, source name: String, skipBad: Bool, editor: Editor) throws -> CSVImportSummary {
        let table = try CSVTable(reading: data, source: name)
        let header = try ClaimCSVHeader(table.header, source: name)
        guard !table.rows.isEmpty else { return CSVImportSummary(added: [], updated: [], unchanged: [], skipped: []) }
        return try commit(as: editor) { snapshot in
            let batch = try ImportBatch(snapshot: snapshot, layout: layout, editor: editor, now: clock())
            let importer = CSVRowImporter(batch: batch, header: header, cache: summaryCache())
            var skipped: [RowProblem] = []
            let progress = ImportProgress(total: table.rows.count, handler: progressHandler)
            for (index, row) in table.rows.enumerated() {
                progress.advance(to: index)
                do {
                    try importer.importRow(row)
                } catch let error as FactDeskError where error.isAboutImportedData {
                    skipped.append(RowProblem(row: row.number, problem: error.description))
                }
            }
            progress.finish()
            if !skipBad, let first = skipped.first {
                let others = skipped.count - 1
                throw FactDeskError.invalidInput("\(CSVTable.place(first.row, in: name)): \(first.problem)"
                    + (others == 0 ? "; nothing was imported"
                        : "; nothing was imported, and \(others) more row(s) cannot be: --skip-bad imports the good rows and lists the bad"))
            }
            let summary = CSVImportSummary(added: batch.added, updated: batch.updated, unchanged: batch.unchanged, skipped: skipped)
            let message = "import \(table.rows.count) CSV row(s) from \(name): \(summary.added.count) new, "
                + "\(summary.updated.count) updated, \(summary.unchanged.count) unchanged"
                + (skipped.isEmpty ? "" : ", \(skipped.count) bad row(s) skipped (rows \(skipped.map { String($0.row) }.joined(separator: ", ")))")
                + "\n"
            return StagedChange(files: batch.files, message: message, result: summary)
        }
    }
}

extension FactDeskError {
    /// A fault in what is being imported, not in the desk or the repository.
    var isAboutImportedData: Bool {
        switch self {
        case .corruptFile, .storage, .notADesk: false
        default: true
        }
    }
}

/// Where each column of an imported claims CSV is, from its header row: names matched whatever
/// their case and surrounding spaces; unknown or repeated names refused; `article` and `claim`
/// required, with `quote` or `paragraph`.
struct ClaimCSVHeader {
    /// The import-only column picking one occurrence (from 1) of a quote that occurs more than once.
    static let occurrence = "occurrence"

    /// How many fields each row must have.
    let count: Int
    private let columns: [ClaimCSVColumn: Int]
    private let occurrenceColumn: Int?

    init(_ names: [String], source: String) throws {
        var columns: [ClaimCSVColumn: Int] = [:], occurrenceColumn: Int?, unknown: [String] = [], repeated: [String] = []
        for (index, name) in names.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if key == Self.occurrence {
                if occurrenceColumn != nil { repeated.append(key) }
                occurrenceColumn = index
            } else if let column = ClaimCSVColumn(rawValue: key) {
                if columns[column] != nil { repeated.append(key) }
                columns[column] = index
            } else {
                unknown.append("'\(name.oneLine(limit: 40))'")
            }
        }
        let known = (ClaimCSVColumn.allCases.map(\.rawValue) + [Self.occurrence]).joined(separator: ", ")
        guard unknown.isEmpty else {
            throw FactDeskError.invalidInput("\(source): the header row names unknown column(s) \(unknown.joined(separator: ", ")); the first row must name the columns, among: \(known)")
        }
        guard repeated.isEmpty else {
            throw FactDeskError.invalidInput("\(source): the header row names \(repeated.map { "'\($0)'" }.joined(separator: ", ")) twice; keep one column of each")
        }
        let missing = [ClaimCSVColumn.article, .claim].filter { columns[$0] == nil }.map { "'\($0.rawValue)'" }
            + (columns[.quote] == nil && columns[.paragraph] == nil ? ["'quote' or 'paragraph'"] : [])
        guard missing.isEmpty else {
            throw FactDeskError.invalidInput("\(source): the header row has no \(missing.joined(separator: " and ")) column; the first row must name the columns, among: \(known)")
        }
        count = names.count
        self.columns = columns
        self.occurrenceColumn = occurrenceColumn
    }

    /// The cell of `column` in `fields`, empty when the file has no such column.
    func cell(_ column: ClaimCSVColumn, in fields: [String]) -> String {
        columns[column].map { fields[$0] } ?? ""
    }

    /// The `occurrence` cell in `fields`, empty when the file has no such column.
    func occurrence(in fields: [String]) -> String {
        occurrenceColumn.map { fields[$0] } ?? ""
    }
}
