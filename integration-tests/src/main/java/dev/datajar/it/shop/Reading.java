package dev.datajar.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A generated sensor reading; {@link ReadingSource} writes enough of them to stream. */
@Entity
@Table(indexes = @Index(name = "reading_by_sensor", columnList = "sensor"))
public class Reading implements ShopData {
  @Id private Long id;

  private String sensor;

  private double reading;

  protected Reading() {}

  public Long getId() {
    return id;
  }

  public String getSensor() {
    return sensor;
  }

  public double getReading() {
    return reading;
  }
}
