package dev.datajar.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.format.CorpusFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dump the storage-format corpus (every type, NULL and empty strings, -0.0, long decimals, offsets,
 * zones, unicode, converters), build again from the dump: the file must be the same bytes.
 */
class DumpRoundTripTest {
  @TempDir Path dir;

  @Test
  void dump_csvRebuildsTheCorpusByteForByte() throws Exception {
    roundTrip(DumpFormat.CSV);
  }

  @Test
  void dump_jsonLinesRebuildsTheCorpusByteForByte() throws Exception {
    roundTrip(DumpFormat.JSONL);
  }

  private void roundTrip(DumpFormat format) throws Exception {
    Path built = CorpusFixture.build(dir.resolve("corpus"));
    try (DataSetInput in = DataSetInput.open(built, null, getClass().getClassLoader(), null)) {
      DumpResult dump = new Dumper().dump(in, dir.resolve("dump"), Set.of(), format);
      assertEquals(List.of("edge"), dump.tables().stream().map(DumpResult.Table::name).toList());
      assertEquals(CorpusFixture.size(), dump.rows());
      assertTrue(
          Files.isRegularFile(
              dir.resolve("dump/src/main/datasets/edges/edge." + format.extension())));
      RoundTrip.Result r = new RoundTrip().check(in, dir.resolve("dump"), dir.resolve("rebuild"));
      assertEquals(r.originalSha256(), r.rebuiltSha256(), "rebuilt from the " + format + " dump");
      assertTrue(
          java.util.Arrays.equals(Files.readAllBytes(in.file()), Files.readAllBytes(r.rebuilt())));
    }
  }
}
