import Foundation

extension DeskSnapshot {
    /// The assignee an editor means: `Name <email>` as given (checked), or the one editor of
    /// this desk with that name (`editor`, who makes the change, or anyone who added an article
    /// or filed, changed, sourced or was assigned a claim), written as `Name <email>`. An unknown
    /// or ambiguous name is refused with a clear error.
    func assignee(named text: String, editor: Editor, cache: SummaryCache?) throws -> String {
        let text = text.trimmingCharacters(in: .whitespaces)
        try TextPolicy.checkLine(text, field: "the assignee")
        if text.contains("<") || text.contains("@") { return try Editor(parsing: text).description }
        let wanted = text.lowercased()
        var matches: [String: Editor] = [:]
        // Most often editors assign themselves: no need to look through the desk.
        if editor.name.lowercased() == wanted { return editor.description }
        var bareNames = Set<String>()
        for record in try records(nil, cache: cache) {
            for author in [record.article.createdBy, record.article.updatedBy] where author.name.lowercased() == wanted {
                matches[author.email.lowercased()] = author
            }
            for claim in record.claims {
                for person in claim.editors where person.name.lowercased() == wanted {
                    matches[person.email.lowercased()] = person
                }
                if let assignee = claim.assignee, assignee.lowercased() == wanted { bareNames.insert(assignee) }
            }
        }
        switch matches.count {
        case 1: return matches.values.first!.description
        case 0:
            // A name assigned before assignments were checked stays usable as it was written.
            if let name = bareNames.first { return name }
            throw FactDeskError.invalidInput("unknown editor '\(text.oneLine(limit: 60))': no one of that name has worked on this desk; give \"Name <email>\"")
        default:
            let choices = matches.values.map(\.description).sorted().joined(separator: ", ")
            throw FactDeskError.invalidInput("'\(text.oneLine(limit: 60))' could be \(choices); give \"Name <email>\"")
        }
    }
}

extension Claim {
    /// Everyone recorded on the claim: who filed, changed, sourced, noted, reviewed or was assigned it.
    var editors: [Editor] {
        var result = [createdBy, updatedBy, statusChangedBy]
        result += sources.map(\.addedBy)
        result += notes.map(\.by)
        if let review { result.append(review.proposedBy); if let approver = review.approvedBy { result.append(approver) } }
        if let assignee, assignee.contains("<"), let editor = try? Editor(parsing: assignee) { result.append(editor) }
        return result
    }
}
