package dev.datajar.tools;

/** The source formats a dump can write; both are formats the builder reads. */
public enum DumpFormat {
  /** RFC 4180 CSV with a header; an unquoted empty field is NULL, {@code ""} the empty string. */
  CSV("csv"),
  /** One JSON object per line, keyed by column name; NULL is {@code null}. */
  JSONL("jsonl");

  private final String extension;

  DumpFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension the builder recognises the format by. */
  public String extension() {
    return extension;
  }
}
