package dev.datajar.it.shop;

import dev.datajar.runtime.source.RowSource;
import dev.datajar.runtime.source.SourceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fills {@code stock} from {@code stock.txt}, whose lines name a product by its SKU: the foreign
 * key is derived from that code through {@code product.csv}.
 */
public class StockSource implements RowSource {
  @Override
  public String dataSet() {
    return "shop";
  }

  @Override
  public String table() {
    return "stock";
  }

  @Override
  public Stream<Map<String, ?>> rows(SourceContext context) throws IOException {
    Map<String, Long> idBySku = new HashMap<>();
    List<String> products = Files.readAllLines(context.file("product.csv"), StandardCharsets.UTF_8);
    for (String line : products.subList(1, products.size())) {
      String[] f = line.split(",", 3); // id,sku,... - neither holds a comma
      idBySku.put(f[1], Long.parseLong(f[0]));
    }
    List<String> lines = Files.readAllLines(context.file("stock.txt"), StandardCharsets.UTF_8);
    return lines.stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(
            l -> {
              String[] f = l.trim().split("\\s+");
              Long product = idBySku.get(f[1]);
              if (product == null) {
                throw new IllegalArgumentException("stock.txt: unknown SKU '" + f[1] + "'");
              }
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("id", Long.parseLong(f[0]));
              row.put("product", product); // attribute name; column product_id
              row.put("warehouse", f[2]);
              row.put("quantity", f[3]); // text, parsed like a CSV field
              return row;
            });
  }
}
