package dev.datajar.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A row of the large benchmark table: long id, two texts, a double and an indexed foreign key to
 * {@link Parent}.
 */
@Entity
@Table(name = "item", indexes = @Index(name = "item_parent_id", columnList = "parent_id"))
public class Item implements BenchData {
  @Id private long id;

  @Column(nullable = false)
  private String name;

  private String note;

  private double score;

  @ManyToOne(optional = false)
  @JoinColumn(name = "parent_id", nullable = false)
  private Parent parent;

  protected Item() {}

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getNote() {
    return note;
  }

  public double getScore() {
    return score;
  }

  public Parent getParent() {
    return parent;
  }
}
