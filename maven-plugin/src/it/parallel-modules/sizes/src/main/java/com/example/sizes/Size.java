package com.example.sizes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the 'size' table. */
@Entity
@Table(name = "size")
public class Size implements SizesData {
  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  protected Size() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}
