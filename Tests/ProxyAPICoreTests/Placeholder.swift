import Testing

@testable import ProxyAPICore
