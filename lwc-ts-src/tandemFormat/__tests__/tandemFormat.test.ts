import {
  badgeClass,
  csvCell,
  csvDataUri,
  formatCount,
  formatDuration,
  statusLabel,
  statusTone,
  toCsv,
} from "c/tandemFormat";

describe("c/tandemFormat", () => {
  describe("statusLabel", () => {
    it.each([
      ["CompletedWithErrors", "Completed with errors"],
      ["DeadLetter", "Dead letter"],
      ["HalfOpen", "Half-open"],
      ["OnDemand", "On demand"],
      ["Api", "API"],
      ["WaitingForRetry", "Waiting for retry"],
      ["Succeeded", "Succeeded"],
    ])("reads %s as %s", (value, label) => {
      expect(statusLabel(value)).toBe(label);
    });

    it("gives an empty label for a missing status", () => {
      expect(statusLabel(undefined)).toBe("");
      expect(statusLabel(null)).toBe("");
    });
  });

  describe("statusTone and badgeClass", () => {
    it.each([
      ["Succeeded", "success", "slds-badge slds-theme_success"],
      ["Linked", "success", "slds-badge slds-theme_success"],
      ["Running", "warning", "slds-badge slds-theme_warning"],
      ["CompletedWithErrors", "warning", "slds-badge slds-theme_warning"],
      ["Failed", "error", "slds-badge slds-theme_error"],
      ["DeadLetter", "error", "slds-badge slds-theme_error"],
      ["Open", "error", "slds-badge slds-theme_error"],
      ["Deleted", "neutral", "slds-badge"],
    ])("shows %s as a %s badge", (value, tone, classes) => {
      expect(statusTone(value)).toBe(tone);
      expect(badgeClass(value)).toBe(classes);
    });

    it("treats a missing status as neutral", () => {
      expect(statusTone(undefined)).toBe("neutral");
    });
  });

  describe("formatDuration", () => {
    it.each([
      [850, "850 ms"],
      [12_000, "12 s"],
      [59_600, "1 min"],
      [120_000, "2 min"],
      [185_000, "3 min 5 s"],
      [7_200_000, "2 h"],
      [7_440_000, "2 h 4 min"],
    ])("formats %i ms as %s", (millis, text) => {
      expect(formatDuration(millis)).toBe(text);
    });

    it("gives nothing for an unknown or impossible duration", () => {
      expect(formatDuration(undefined)).toBe("");
      expect(formatDuration(null)).toBe("");
      expect(formatDuration(-1)).toBe("");
      expect(formatDuration(Number.NaN)).toBe("");
    });
  });

  it("groups digits and shows a missing count as 0", () => {
    expect(formatCount(5000)).toBe(new Intl.NumberFormat().format(5000));
    expect(formatCount(undefined)).toBe("0");
  });

  describe("CSV", () => {
    it("leaves plain values alone and empties missing ones", () => {
      expect(csvCell("plain")).toBe("plain");
      expect(csvCell(42)).toBe("42");
      expect(csvCell(true)).toBe("true");
      expect(csvCell(null)).toBe("");
      expect(csvCell(undefined)).toBe("");
    });

    it("quotes values with commas, semicolons, quotes, line breaks or outer spaces and doubles the quotes", () => {
      expect(csvCell("a,b")).toBe('"a,b"');
      expect(csvCell("a;b")).toBe('"a;b"');
      expect(csvCell('say "hi"')).toBe('"say ""hi"""');
      expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
      expect(csvCell("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
      expect(csvCell(" padded ")).toBe('" padded "');
    });

    it("neutralises text a spreadsheet would run as a formula", () => {
      expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
      expect(csvCell("+1")).toBe("'+1");
      expect(csvCell("-2")).toBe("'-2");
      expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
      expect(csvCell(-2)).toBe("-2");
    });

    it("writes objects as quoted JSON", () => {
      expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    });

    it("builds a document with a header row and CRLF line ends", () => {
      const csv = toCsv(
        [
          { label: "Name", value: (row: { name: string; count: number }) => row.name },
          { label: "Count", value: (row: { name: string; count: number }) => row.count },
        ],
        [
          { name: "Acme, Inc.", count: 2 },
          { name: "Globex", count: 0 },
        ],
      );
      expect(csv).toBe('Name,Count\r\n"Acme, Inc.",2\r\nGlobex,0\r\n');
    });

    it("encodes the document as a UTF-8 data URI with a byte-order mark", () => {
      const uri = csvDataUri("a,b\r\n");
      expect(uri.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
      expect(decodeURIComponent(uri.split(",").slice(1).join(","))).toBe("\uFEFFa,b\r\n");
    });
  });
});
