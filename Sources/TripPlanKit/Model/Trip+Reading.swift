import Foundation

extension Trip {
    /// Reads and validates a `tripplan/1` document.
    ///
    /// - Parameter fileName: used in messages only.
    /// - Throws: `TripFileError` listing every problem found.
    public init(jsonData: Data, fileName: String) throws(TripFileError) {
        throw TripFileError(file: fileName, problems: [.malformedJSON(line: 1, column: 1, detail: "reader not written yet")])
    }
}
