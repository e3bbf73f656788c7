package dev.datajar.it.lobs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/** A file and its description, from {@code attachment.csv}: a plain entity (no relationships). */
@Entity
public class Attachment implements LobData {
  @Id private Long id;
  private String name;
  @Lob private byte[] content;
  @Lob private String body;

  protected Attachment() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public byte[] getContent() {
    return content;
  }

  public String getBody() {
    return body;
  }
}
