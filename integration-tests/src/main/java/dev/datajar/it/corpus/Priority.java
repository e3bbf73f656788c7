package dev.datajar.it.corpus;

/** Stored by ordinal, JPA's default for an enum without {@code @Enumerated(STRING)}. */
public enum Priority {
  LOW,
  HIGH
}
