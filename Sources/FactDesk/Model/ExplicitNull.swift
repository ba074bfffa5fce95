/// An optional that is written as JSON `null` when absent, rather than left out, so that scripts
/// reading `show --json` or `report --format json` always find every documented key.
@propertyWrapper
public struct ExplicitNull<Value: Encodable & Sendable & Equatable>: Encodable, Sendable, Equatable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
