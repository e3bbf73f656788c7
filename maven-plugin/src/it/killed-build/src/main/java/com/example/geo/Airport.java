package com.example.geo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An airport, one row of the 'airport' table. */
@Entity
@Table(name = "airport")
public class Airport implements GeoData {
  @Id private long id;

  @Column(nullable = false)
  private String code;

  private String name;

  @Column(name = "elevation_ft")
  private Integer elevationFt;

  protected Airport() {}

  public long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Integer getElevationFt() {
    return elevationFt;
  }
}
