package dev.datajar.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the small parent table that {@link Item#getParent()} refers to. */
@Entity
@Table(name = "parent")
public class Parent implements BenchData {
  @Id private long id;

  private String name;

  protected Parent() {}

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
