package dev.datajar.runtime.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "item", indexes = @Index(name = "item_parent_id", columnList = "parent_id"))
public class BItem implements BenchData {
  @Id
  private long id;
  @Column(nullable = false)
  private String name;
  private String note;
  private double score;
  @ManyToOne(optional = false)
  @JoinColumn(name = "parent_id", nullable = false)
  private BParent parent;

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public double getScore() {
    return score;
  }

  public BParent getParent() {
    return parent;
  }
}
