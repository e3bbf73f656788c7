package dev.datajar.benchmarks.owners;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A one-to-many target: a title, a year and its shelf, whose key column is indexed (without the
 * index each shelf's books are a scan of the whole table).
 */
@Entity
@Table(name = "book", indexes = @Index(name = "book_shelf_id", columnList = "shelf_id"))
public class Book implements ShelfData {
  @Id private long id;

  private String title;

  private int year;

  @ManyToOne(optional = false)
  @JoinColumn(name = "shelf_id", nullable = false)
  private Shelf shelf;

  protected Book() {}

  public long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public int getYear() {
    return year;
  }

  public Shelf getShelf() {
    return shelf;
  }
}
