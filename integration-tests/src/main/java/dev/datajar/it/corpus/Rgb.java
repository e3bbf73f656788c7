package dev.datajar.it.corpus;

/** A colour, stored through {@link RgbConverter} as {@code #rrggbb}. */
public record Rgb(int red, int green, int blue) {}
