package dev.datajar.it.corpus;

import jakarta.persistence.Entity;

/** The corpus as read from {@code json_value.json}. */
@Entity
public class JsonValue extends ValueRow {}
