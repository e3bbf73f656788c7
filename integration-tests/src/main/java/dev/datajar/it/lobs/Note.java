package dev.datajar.it.lobs;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * A note with labels, from {@code note.json} and {@code note_label.csv}: its element collection
 * makes the runtime read it through Hibernate.
 */
@Entity
public class Note implements LobData {
  @Id private Long id;
  @Lob private byte[] payload;
  @Lob private String body;

  @ElementCollection
  @CollectionTable(name = "note_label", joinColumns = @JoinColumn(name = "note_id"))
  @Column(name = "label")
  @OrderBy
  private List<String> labels = new ArrayList<>();

  protected Note() {}

  public Long getId() {
    return id;
  }

  public byte[] getPayload() {
    return payload;
  }

  public String getBody() {
    return body;
  }

  public List<String> getLabels() {
    return labels;
  }
}
