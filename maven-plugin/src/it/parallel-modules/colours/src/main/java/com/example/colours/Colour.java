package com.example.colours;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the 'colour' table. */
@Entity
@Table(name = "colour")
public class Colour implements ColoursData {
  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  protected Colour() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}
