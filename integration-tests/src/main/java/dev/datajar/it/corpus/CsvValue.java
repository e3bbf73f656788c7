package dev.datajar.it.corpus;

import jakarta.persistence.Entity;

/** The corpus as read from {@code csv_value.csv}. */
@Entity
public class CsvValue extends ValueRow {}
