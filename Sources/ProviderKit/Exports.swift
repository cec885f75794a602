@_exported import JSONCore
