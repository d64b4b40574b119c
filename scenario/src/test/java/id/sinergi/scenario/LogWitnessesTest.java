package id.sinergi.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWitnessesTest {

    @Test
    void shouldWriteEachWitnessKeyForItsOwnerAloneAndItsVkeyBesideItAsAuditServiceIsToldIt(@TempDir Path dir)
            throws Exception {
        LogWitnesses witnesses = LogWitnesses.create(dir);

        List<String> vkeys = List.of(
                Files.readString(dir.resolve("kemlu-witness.vkey")).strip(),
                Files.readString(dir.resolve("kemenp2mi-witness.vkey")).strip());
        assertThat(vkeys.get(0)).startsWith("witness.kemlu.local/sinergi+");
        assertThat(vkeys.get(1)).startsWith("witness.kemenp2mi.local/sinergi+");
        assertThat(witnesses.witnessesSetting()).isEqualTo(String.join(",", vkeys));
        assertThat(Files.getPosixFilePermissions(dir.resolve("kemlu-witness.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
