import HTTPTypes

extension HTTPField.Name {
    package static let referrerPolicy = Self("Referrer-Policy")!
    package static let xFrameOptions = Self("X-Frame-Options")!
    package static let pragma = Self("Pragma")!
}
