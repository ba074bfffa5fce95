import Foundation

/// An article under check: its metadata and which revision of its text is current.
/// The text itself is stored beside it in `text.txt`.
public struct Article: Codable, Equatable, Sendable {
    public var id: ArticleSlug
    public var title: String
    public var url: String?
    /// The current text revision, from 1; each `article update` adds one.
    public var revision: Int
    /// The git blob id of the current `text.txt`, so a revision can be found in history.
    public var textID: String
    public var createdBy: Editor
    public var createdAt: Date
    public var updatedBy: Editor
    public var updatedAt: Date
}
