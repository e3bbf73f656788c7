package dev.datajar.datasets.isocodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.DumpFormat;
import dev.datajar.tools.DumpResult;
import dev.datajar.tools.Dumper;
import dev.datajar.tools.RoundTrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps the dataset this module built and builds it again from the dump with the same entities: the
 * new file must be byte-identical to the one in target/classes.
 *
 * <p>Table {@code subdivision} is filled by {@link SubdivisionRows} (code); the dump writes it as a
 * file like the others, and the rebuild, which sees only the entity classes, reads it from there.
 */
class DumpRoundTripTest {
  @TempDir Path dir;

  @Test
  void dump_rebuildsTheDatasetByteForByte() throws Exception {
    roundTrip(DumpFormat.CSV);
  }

  @Test
  void dumpAsJsonLines_rebuildsTheDatasetByteForByte() throws Exception {
    roundTrip(DumpFormat.JSONL);
  }

  private void roundTrip(DumpFormat format) throws Exception {
    try (DataSetInput in =
        DataSetInput.open(
            Path.of("target/classes"),
            "iso-codes",
            getClass().getClassLoader(),
            "target/classes")) {
      DumpResult dump = new Dumper().dump(in, dir.resolve("dump"), Set.of(), format);
      assertEquals(in.manifest().orElseThrow().totalRows(), dump.rows());
      assertTrue(
          Files.isRegularFile(
              dir.resolve("dump/src/main/datasets/iso-codes/subdivision." + format.extension())));
      for (DumpResult.Table t : dump.tables()) {
        assertTrue(Files.size(t.file()) > 0, t.file().toString());
      }
      RoundTrip.Result r = new RoundTrip().check(in, dir.resolve("dump"), dir.resolve("rebuild"));
      assertEquals(r.originalSha256(), r.rebuiltSha256());
      assertTrue(
          java.util.Arrays.equals(Files.readAllBytes(in.file()), Files.readAllBytes(r.rebuilt())));
    }
  }
}
