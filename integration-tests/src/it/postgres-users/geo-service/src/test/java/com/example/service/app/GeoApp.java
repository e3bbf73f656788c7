package com.example.service.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The service's Spring Boot application: datajar's starter adds the dataset's beans. */
@SpringBootApplication
public class GeoApp {}
