package dev.datajar.it.corpus;

/**
 * Stored by name. The 'I' in INFO is there for the Turkish locale ("info" must not become "İNFO").
 */
public enum Level {
  INFO,
  WARNING,
  CRITICAL
}
