import Testing

@testable import ActionKitCore
