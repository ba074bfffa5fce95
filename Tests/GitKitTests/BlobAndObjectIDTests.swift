import Foundation
import GitKit
import TestSupport
import Testing

/// Payloads whose bytes must survive libgit2 and the git CLI unchanged.
enum Payload {
    static let emojiText = "Préface — 📰 “Les faits” 🧾✅\nSecond line, tab\there, CRLF\r\nend 👩🏽‍💻\n"
    /// Every byte value except NUL, twice, in a jumbled order: not text, but NUL-free.
    static let binaryish: [UInt8] = (0..<510).map { UInt8(1 + ($0 * 37) % 255) }
    static let noTrailingNewline = "{\"claim\": \"c-xs34bptd\", \"status\": \"false\"}"
}

@Suite("Blobs and object ids agree with the git CLI")
struct BlobAndObjectIDTests {
    /// The exact bytes `git cat-file -p <id>` prints, captured through a file so nothing is decoded.
    func catFileBytes(_ id: ObjectID, in fixture: GitFixture) throws -> Data {
        let output = fixture.folder.url.appendingPathComponent(".git/cat-file-output")
        let result = try ProcessRunner.run("/bin/sh", ["-c", "git cat-file -p \(id.hex) > .git/cat-file-output"],
                                           in: fixture.url,
                                           environment: ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"])
        guard result.status == 0 else { throw TestFailure("git cat-file -p \(id) failed: \(result.stderr)") }
        return try Data(contentsOf: output)
    }

    @Test("writeBlob stores bytes that git cat-file prints back identically",
          arguments: [
              ("UTF-8 with emoji", Data(Payload.emojiText.utf8)),
              ("binary-ish, NUL-free", Data(Payload.binaryish)),
              ("JSON without trailing newline", Data(Payload.noTrailingNewline.utf8)),
              ("empty", Data()),
          ])
    func writeBlobMatchesCatFile(label: String, payload: Data) throws {
        let fixture = try GitFixture(label: "gitkit-blob")
        let repository = try fixture.open()

        let id = try repository.writeBlob(payload)

        #expect(try fixture.line("cat-file", "-t", id.hex) == "blob", "\(label)")
        #expect(try fixture.line("cat-file", "-s", id.hex) == String(payload.count), "\(label)")
        #expect(try catFileBytes(id, in: fixture) == payload, "\(label)")
        #expect(try repository.blobData(id) == payload, "\(label)")
        #expect(try fixture.attempt("fsck", "--strict").status == 0)
    }

    @Test("writeBlob of the same bytes twice yields the same id")
    func writeBlobIsContentAddressed() throws {
        let fixture = try GitFixture(label: "gitkit-blob-twice")
        let repository = try fixture.open()
        let first = try repository.writeBlob(Data(Payload.emojiText.utf8))
        let second = try repository.writeBlob(Data(Payload.emojiText.utf8))
        let other = try repository.writeBlob(Data((Payload.emojiText + " ").utf8))
        #expect(first == second)
        #expect(first != other)
    }

    @Test("blobData reads a blob that git hash-object -w wrote")
    func blobDataReadsCLIBlob() throws {
        let fixture = try GitFixture(label: "gitkit-blob-read")
        let payload = Data(Payload.binaryish)
        let hex = try fixture.gitWith(environment: [:], input: payload, "hash-object", "-w", "--stdin")

        let repository = try fixture.open()
        #expect(try repository.blobData(try objectID(hex)) == payload)
    }

    @Test("ObjectID.hashing(blob:) equals git hash-object --stdin for the same bytes",
          arguments: [
              Array(Payload.emojiText.utf8),
              Payload.binaryish,
              Array(Payload.noTrailingNewline.utf8),
              [],
          ])
    func hashingMatchesHashObject(bytes: [UInt8]) throws {
        let fixture = try GitFixture(label: "gitkit-hash")
        let cli = try fixture.gitWith(environment: [:], input: Data(bytes), "hash-object", "--stdin")

        let hashed = ObjectID.hashing(blob: bytes)

        #expect(hashed.hex == cli.trimmingCharacters(in: .newlines))
        // Hashing writes nothing.
        #expect(try fixture.attempt("cat-file", "-e", hashed.hex).status != 0)
        // Writing the same bytes gives the same id.
        #expect(try fixture.open().writeBlob(Data(bytes)) == hashed)
    }

    @Test("the empty blob has git's well-known id")
    func emptyBlobID() {
        #expect(ObjectID.hashing(blob: []).hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    }

    @Test("ObjectID(hex:) round-trips an id printed by git")
    func hexRoundTrip() throws {
        let fixture = try GitFixture(label: "gitkit-hex")
        let commit = try fixture.commit(["a.txt": "a\n"], message: "first")

        let id = try #require(ObjectID(hex: commit))

        #expect(id.hex == commit)
        #expect(id.description == commit)
        #expect(id.bytes.count == 20)
        #expect(ObjectID(hex: id.hex) == id)
        #expect(try fixture.open().commit(id).id == id)
    }

    @Test("ObjectID(hex:) accepts upper case and prints lower case")
    func hexUpperCase() throws {
        let lower = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: lower.uppercased()))
        #expect(id.hex == lower)
        #expect(id == ObjectID(hex: lower))
        #expect(id.bytes == [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23,
                             0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67])
    }

    @Test("ObjectID(hex:) rejects what is not a full 40-digit hexadecimal id",
          arguments: [
              "",
              "e69de29",
              "e69de29bb2d1d6434b8b29ae775ad8c2e48c539",
              "e69de29bb2d1d6434b8b29ae775ad8c2e48c53911",
              "g69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
              "e69de29bb2d1d6434b8b29ae775ad8c2e48c539 ",
              " e69de29bb2d1d6434b8b29ae775ad8c2e48c539",
              "e69de29bb2d1d6434b8b-9ae775ad8c2e48c5391",
              "é9de29bb2d1d6434b8b29ae775ad8c2e48c5391",
              "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
          ])
    func hexRejectsBadInput(text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    @Test("ObjectIDs compare and hash by value")
    func idsAreValues() throws {
        let a = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
        let b = ObjectID.hashing(blob: [])
        let c = ObjectID.hashing(blob: Array("x".utf8))
        #expect(a == b)
        #expect(Set([a, b, c]).count == 2)
    }
}
