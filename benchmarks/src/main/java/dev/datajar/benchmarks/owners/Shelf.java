package dev.datajar.benchmarks.owners;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An owner: a name and its books, a {@code @OneToMany} read with it. */
@Entity
@Table(name = "shelf")
public class Shelf implements ShelfData {
  @Id private long id;

  private String name;

  @OneToMany(mappedBy = "shelf")
  @OrderBy("id")
  private List<Book> books = new ArrayList<>();

  protected Shelf() {}

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<Book> getBooks() {
    return books;
  }
}
