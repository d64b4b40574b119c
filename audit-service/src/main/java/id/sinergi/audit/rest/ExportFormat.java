package id.sinergi.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.rest.AuditDtos.EventView;
import id.sinergi.audit.service.RecordPage;
import id.sinergi.audit.service.StoredEvent;
import id.sinergi.common.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The formats of an export of a query, each turning pages of events into chunks of text as they are read:
 * NDJSON, one stored event per line as the query shows it; CSV, a header row and one row per event.
 */
enum ExportFormat {
    NDJSON("application/x-ndjson", "ndjson"),
    CSV("text/csv; charset=UTF-8", "csv");

    /** The CSV columns, in order. */
    static final List<String> CSV_COLUMNS = List.of(
            "ingestId",
            "recordedAt",
            "eventId",
            "occurredAt",
            "service",
            "action",
            "outcome",
            "actorSubject",
            "actorUsername",
            "actorAgency",
            "actorMission",
            "actorClientId",
            "actorRoles",
            "workerId",
            "purpose",
            "resourceType",
            "resourceId",
            "reason",
            "detailsStatus",
            "details");

    private static final CsvMapper CSV_MAPPER = new CsvMapper();

    private static final CsvSchema CSV_SCHEMA = csvSchema();

    final String mediaType;

    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format the parameter names ({@code ndjson} when absent), or a 400 problem naming it. */
    static ExportFormat of(String value) {
        if (value == null || value.isBlank()) {
            return NDJSON;
        }
        for (ExportFormat format : values()) {
            if (format.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw ProblemException.invalidField("invalid-parameter", "format", "must be one of ndjson, csv");
    }

    /**
     * The export's text, one chunk per page. The first page always comes, empty or not, and a CSV export's header
     * row rides in its chunk: nothing, not even the status line, is sent before the export was audited.
     */
    Multi<String> encode(Multi<RecordPage> pages, ObjectMapper json) {
        if (this == NDJSON) {
            return pages.map(page -> ndjson(page, json)).select().where(chunk -> !chunk.isEmpty());
        }
        return Multi.createFrom().deferred(() -> {
            CsvRows rows = new CsvRows();
            return pages.map(rows::page).select().where(chunk -> !chunk.isEmpty());
        });
    }

    private static String ndjson(RecordPage page, ObjectMapper json) {
        StringBuilder chunk = new StringBuilder();
        for (StoredEvent event : page.events()) {
            try {
                chunk.append(json.writeValueAsString(EventView.of(event))).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored event cannot be written as JSON", e);
            }
        }
        return chunk.toString();
    }

    /**
     * A cell as it may safely open in a spreadsheet: text starting with {@code = + - @}, a tab or a carriage
     * return would be read as a formula (CSV injection), so it gets a leading apostrophe, which spreadsheets show
     * as text and hide.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private static CsvSchema csvSchema() {
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        return schema.build();
    }

    /** One export's CSV writer: quoting and escaping are Jackson's; every cell goes through {@link #cell}. */
    private static final class CsvRows {
        private final StringWriter buffer = new StringWriter();
        private final SequenceWriter writer;
        private boolean headerWritten;

        CsvRows() {
            try {
                writer = CSV_MAPPER.writerFor(String[].class).with(CSV_SCHEMA).writeValues(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String page(RecordPage page) {
            List<String[]> lines = new ArrayList<>(page.events().size() + 1);
            if (!headerWritten) {
                lines.add(CSV_COLUMNS.toArray(String[]::new));
                headerWritten = true;
            }
            page.events().forEach(event -> lines.add(row(event)));
            return write(lines);
        }

        private String write(List<String[]> rows) {
            try {
                for (String[] row : rows) {
                    writer.write(row);
                }
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String chunk = buffer.toString();
            buffer.getBuffer().setLength(0);
            return chunk;
        }

        private static String[] row(StoredEvent event) {
            AuditRecord r = event.record();
            String[] row = {
                Long.toString(r.ingestId),
                text(r.recordedAt),
                text(r.eventId),
                text(r.occurredAt),
                r.service,
                r.action,
                r.outcome.name(),
                r.actorSubject,
                r.actorUsername,
                r.actorAgency,
                r.actorMission,
                r.actorClientId,
                r.actorRoles,
                text(r.workerId),
                r.purpose,
                r.resourceType,
                r.resourceId,
                r.reason,
                event.details() == null ? null : event.details().status().name(),
                event.details() == null || event.details().value() == null
                        ? null
                        : event.details().value().toString()
            };
            for (int i = 0; i < row.length; i++) {
                row[i] = cell(row[i]);
            }
            return row;
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }

        private static String text(UUID id) {
            return id == null ? null : id.toString();
        }
    }
}
