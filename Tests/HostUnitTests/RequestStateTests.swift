import Auth
import Crypto
import JSONCore
import Serving
import Testing

@testable import MCPCore

/// The `requestState` of an `input_required` answer: sealed, bound to its call, used once.
@Suite struct RequestStateTests {
    let seal = RequestStateSeal(key: RequestStateSeal.derivedKey(from: Array(0..<200)))
    let now = 1_800_000_000

    func state(
        userID: String = "user-1", tool: String = "salesforce_create_record",
        arguments: JSONValue? = ["name": "Acme", "size": 3], expiresAt: Int? = nil
    ) -> RequestState {
        RequestState(
            userID: userID, tool: tool, arguments: arguments, integration: "salesforce",
            expiresAt: expiresAt ?? now + 600)
    }

    func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    /// `text` with its decoded byte at `index` changed by `change`.
    func altered(_ text: String, at index: Int, _ change: (UInt8) -> UInt8) throws -> String {
        var bytes = try #require(Base64URL.decode(text))
        bytes[index] = change(bytes[index])
        return Base64URL.encode(bytes)
    }

    @Test func aSealedStateOpensAsItWasAndStaysShort() throws {
        let original = state()
        let text = seal.seal(original)
        #expect(try seal.open(text) == original)
        #expect(text.count == 175, "clients echo it: 131 bytes for these 40 bytes of names")
        #expect(text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(seal.seal(original) != text, "each seal has a fresh nonce")
        #expect(state().nonce != original.nonce)
        let unicode = state(userID: "usér-ß", tool: "工具", arguments: nil)
        #expect(try seal.open(seal.seal(unicode)) == unicode)
    }

    @Test func anyChangedByteIsTamperedAndAnotherVersionIsMalformed() throws {
        let text = seal.seal(state())
        let count = try #require(Base64URL.decode(text)).count
        for index in 1..<count {
            #expect(throws: RequestStateError.tampered) { try seal.open(try altered(text, at: index) { $0 ^ 0x01 }) }
        }
        #expect(throws: RequestStateError.malformed(.unknownVersion)) {
            try seal.open(try altered(text, at: 0) { _ in 2 })
        }
    }

    @Test func garbageIsMalformed() throws {
        let text = seal.seal(state())
        let cases: [(String, RequestStateError.Malformation)] = [
            ("", .tooShort),
            (String(text.prefix(40)), .tooShort),
            (String(text.dropLast(1)) + "!", .notBase64URL),
            (text + "=", .notBase64URL),
            (" " + text, .notBase64URL),
            (String(text.prefix(41)), .notBase64URL),  // no byte string encodes to 4n+1 characters
            ("not a state", .notBase64URL),
            (String(repeating: "A", count: RequestStateSeal.maximumLength + 1), .tooLong),
        ]
        for (garbage, malformation) in cases {
            #expect(throws: RequestStateError.malformed(malformation)) { try seal.open(garbage) }
        }
        // Long enough to be read, yet cut: the tag no longer matches.
        let bytes = try #require(Base64URL.decode(text))
        #expect(throws: RequestStateError.tampered) { try seal.open(Base64URL.encode(Array(bytes.dropLast(3)))) }
    }

    @Test func anotherKeyCannotOpenIt() throws {
        let issued = state()
        let text = seal.seal(issued)
        let other = RequestStateSeal(key: RequestStateSeal.derivedKey(from: Array(1..<201)))
        #expect(throws: RequestStateError.tampered) { try other.open(text) }
        #expect(throws: RequestStateError.tampered) {
            try RequestStateSeal(key: SymmetricKey(size: .bits256)).open(text)
        }
        // Every instance sharing the signing key opens it.
        let sibling = RequestStateSeal(key: RequestStateSeal.derivedKey(from: Array(0..<200)))
        #expect(try sibling.open(text) == issued)
    }

    @Test func verifyAcceptsTheSameCallUntilItExpires() throws {
        let issued = state()
        let text = seal.seal(issued)
        let arguments = try json(#"{"size":3,"name":"Acme"}"#)
        let accepted = try seal.verify(
            text, userID: "user-1", tool: "salesforce_create_record", arguments: arguments, now: now + 599)
        #expect(accepted == issued)
        #expect(throws: RequestStateError.expired) {
            try seal.verify(
                text, userID: "user-1", tool: "salesforce_create_record", arguments: arguments, now: now + 600)
        }
    }

    @Test func verifyRefusesAnotherUserOrCall() throws {
        let text = seal.seal(state())
        let arguments: JSONValue = ["name": "Acme", "size": 3]
        #expect(throws: RequestStateError.foreignUser) {
            try seal.verify(text, userID: "user-2", tool: "salesforce_create_record", arguments: arguments, now: now)
        }
        #expect(throws: RequestStateError.otherCall) {
            try seal.verify(text, userID: "user-1", tool: "salesforce_delete_record", arguments: arguments, now: now)
        }
        #expect(throws: RequestStateError.otherCall) {
            try seal.verify(
                text, userID: "user-1", tool: "salesforce_create_record", arguments: ["name": "Acme", "size": 4],
                now: now)
        }
        #expect(throws: RequestStateError.otherCall) {
            try seal.verify(text, userID: "user-1", tool: "salesforce_create_record", arguments: nil, now: now)
        }
    }

    @Test func verifyChecksExpiryThenUserThenCall() {
        let text = seal.seal(state(expiresAt: now))
        #expect(throws: RequestStateError.expired) {
            try seal.verify(text, userID: "user-2", tool: "other", arguments: nil, now: now)
        }
        let live = seal.seal(state())
        #expect(throws: RequestStateError.foreignUser) {
            try seal.verify(live, userID: "user-2", tool: "other", arguments: nil, now: now)
        }
        #expect(throws: RequestStateError.malformed(.tooShort)) {
            try seal.verify("", userID: "user-2", tool: "other", arguments: nil, now: now)
        }
    }

    @Test func argumentsDigestIsCanonical() throws {
        #expect(ArgumentsDigest(nil) == ArgumentsDigest([:]))
        #expect(ArgumentsDigest(.null) == ArgumentsDigest(try json("{}")))
        #expect(
            ArgumentsDigest(try json(#"{"a":1,"b":{"x":[1,2],"y":"z"}}"#))
                == ArgumentsDigest(try json(#"{"b":{"y":"z","x":[1,2]},"a":1}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":1}"#)) == ArgumentsDigest(try json(#"{"n":1.0}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":[1e15]}"#)) == ArgumentsDigest(try json(#"{"n":[1000000000000000]}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":-0.0}"#)) == ArgumentsDigest(try json(#"{"n":0}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":0.5}"#)) == ArgumentsDigest(try json(#"{"n":5e-1}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":[1,2]}"#)) != ArgumentsDigest(try json(#"{"n":[2,1]}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":1}"#)) != ArgumentsDigest(try json(#"{"n":"1"}"#)))
        #expect(ArgumentsDigest(try json(#"{"n":1}"#)) != ArgumentsDigest(try json(#"{"n":1.5}"#)))
        #expect(ArgumentsDigest(try json("[]")) != ArgumentsDigest(nil))
        #expect(ArgumentsDigest(nil).bytes.count == 32)
        #expect(ArgumentsDigest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
    }

    @Test func aStateCompletesOneCallOnly() throws {
        let ledger = ConsumedRequestStates()
        let first = state()
        #expect(ledger.consume(first, now: now))
        #expect(!ledger.consume(first, now: now + 1), "a replay")
        let reopened = try seal.open(seal.seal(first))
        #expect(!ledger.consume(reopened, now: now + 2), "sealed again, the same nonce")
        #expect(ledger.consume(state(), now: now + 3), "another state for the same call")
        #expect(!ledger.consume(state(expiresAt: now), now: now), "expired: refused and not recorded")
        #expect(ledger.count == 2)
    }

    /// A released state can be consumed again, as often as it is released, and takes no more
    /// room for it; a full ledger still keeps a released one's successors apart.
    @Test func aReleasedStateIsConsumableAgainWithoutGrowingTheLedger() {
        let ledger = ConsumedRequestStates(capacity: 2)
        let waiting = state(), other = state(expiresAt: now + 900)
        #expect(ledger.consume(other, now: now))
        for round in 0..<50 {
            #expect(ledger.consume(waiting, now: now + round), "round \(round)")
            #expect(!ledger.consume(waiting, now: now + round), "spent until released")
            ledger.release(waiting)
        }
        #expect(ledger.count == 2)
        #expect(!ledger.consume(other, now: now + 60), "releasing one never drops another")
    }

    @Test func theLedgerForgetsStatesOnceTheyExpire() async throws {
        let ledger = ConsumedRequestStates()
        for offset in 1...3 { #expect(ledger.consume(state(expiresAt: now + 100 * offset), now: now)) }
        #expect(ledger.count == 3)
        #expect(ledger.consume(state(expiresAt: now + 1000), now: now + 200))
        #expect(ledger.count == 2, "the two expired by now + 200 are gone")
        let shared: any RequestStateLedger = ledger
        #expect(try await shared.consume(state(expiresAt: now + 1000), now: now + 1000) == false)
        #expect(ledger.count == 0)
    }

    @Test func aFullLedgerDropsTheSoonestExpiring() {
        let ledger = ConsumedRequestStates(capacity: 2)
        let late = state(expiresAt: now + 300)
        let soon = state(expiresAt: now + 100)
        let middle = state(expiresAt: now + 200)
        #expect(ledger.consume(late, now: now))
        #expect(ledger.consume(soon, now: now))
        #expect(ledger.consume(middle, now: now))
        #expect(ledger.count == 2)
        #expect(!ledger.consume(late, now: now + 1))
        #expect(!ledger.consume(middle, now: now + 1))
        #expect(ledger.consume(soon, now: now + 1), "forgotten early: the price of the cap")
    }

    @Test func manyEntriesAreForgottenInExpiryOrder() {
        let ledger = ConsumedRequestStates(capacity: 1000)
        var generator = SystemRandomNumberGenerator()
        let expiries = (0..<500).map { _ in now + Int.random(in: 1...1000, using: &generator) }
        for expiresAt in expiries { #expect(ledger.consume(state(expiresAt: expiresAt), now: now)) }
        for step in stride(from: 100, through: 1000, by: 100) {
            #expect(ledger.consume(state(expiresAt: now + 5000), now: now + step))
            #expect(ledger.count == expiries.count { $0 > now + step } + step / 100)
        }
    }

    @Test func errorsSayWhatToDo() {
        let errors: [RequestStateError] = [
            .malformed(.tooLong), .malformed(.notBase64URL), .malformed(.tooShort), .malformed(.unknownVersion),
            .malformed(.badLayout), .tampered, .expired, .foreignUser, .otherCall, .replayed,
        ]
        #expect(Set(errors.map(\.message)).count == errors.count)
        for error in errors { #expect(error.message.hasPrefix("requestState ")) }
    }

    @Test func base64URLIsStrict() {
        for count in 0..<7 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 97 + 200) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("AA") == [0])
        #expect(Base64URL.decode("AB") == nil, "non-zero unused bits")
        #expect(Base64URL.decode("A") == nil)
        #expect(Base64URL.decode("AA==") == nil)
        #expect(Base64URL.decode("+/") == nil)
    }

    @Test func theKeyIsNotTheSetupLinksKey() throws {
        let signingKey = try SigningKeys.generate()
        let der = Array(signingKey.derRepresentation)
        let mine = RequestStateSeal.derivedKey(from: der)
        #expect(mine == RequestStateSeal.derivedKey(from: der), "every instance derives the same key")
        #expect(mine != SetupLinks.derivedKey(from: signingKey))
        #expect(mine.bitCount == 256)
    }
}
