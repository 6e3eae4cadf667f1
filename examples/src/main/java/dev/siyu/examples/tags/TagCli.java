package dev.siyu.examples.tags;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.Consent;
import dev.siyu.core.member.Location;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.json.ConfigException;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.MemberTags;
import dev.siyu.tagging.engine.TagEngine;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.MemberFacts;
import dev.siyu.examples.csv.CsvFile;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Command line for analysts: evaluates a tag catalogue against a CSV of members (and, optionally,
 * a CSV of their purchases) and writes each member's tags.
 *
 * <pre>
 * TagCli --catalogue CATALOGUE.json --members MEMBERS.csv [--transactions TX.csv] --as-of yyyy-MM-dd
 *        [--output TAGS.csv]
 * </pre>
 *
 * <p>{@code MEMBERS.csv} has the header {@code id,joined,channel,birthday,city,region} and optionally
 * {@code tier} and {@code points} after it: the join date ({@code yyyy-MM-dd}), the acquisition
 * channel code, the birthday as {@code MM-dd} (or empty), the city and region (both or neither).
 * {@code TX.csv} has the header {@code customer_id,date,amount} and optionally {@code category},
 * {@code brand}, {@code store}: one purchase per row, a positive amount in yuan. Output: a CSV
 * {@code id,tags} (tags joined by {@code ;}) and, on standard output, how many members carry each
 * tag. Every bad file, row or field is reported as {@code FILE:LINE: problem} and exits with 1; a
 * bad catalogue names the JSON pointer.
 */
public final class TagCli {

    private static final Set<String> OPTIONS = Set.of("catalogue", "members", "transactions", "as-of", "output");

    private TagCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command, printing results to {@code out} and problems to {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            TagCatalogue catalogue = TagCatalogue.parse(read(options.get("catalogue")), FeatureCatalogue.builtIn());
            TagEngine engine = TagEngine.compile(catalogue);
            LocalDate asOfDate = date(options.get("as-of"), "--as-of", 0);
            Instant asOf = asOfDate.atTime(23, 59, 59).atZone(catalogue.zone()).toInstant();
            Map<MemberId, MemberFacts> members = members(options.get("members"));
            if (options.containsKey("transactions")) {
                addPurchases(options.get("transactions"), members, catalogue);
            }
            List<String> rows = new ArrayList<>();
            rows.add("id,tags");
            Map<TagId, Integer> counts = new TreeMap<>();
            for (MemberFacts facts : members.values()) {
                FeatureTable table = engine.features(facts, asOf);
                MemberTags tags = engine.evaluate(table, 0, MemberTags.empty(facts.profile().id()), asOf).tags();
                List<String> ids = new ArrayList<>();
                for (TagId tag : tags.tags().keySet()) {
                    ids.add(tag.value());
                    counts.merge(tag, 1, Integer::sum);
                }
                rows.add(facts.profile().id().value() + "," + String.join(";", ids));
            }
            if (options.containsKey("output")) {
                Files.write(Path.of(options.get("output")), rows, StandardCharsets.UTF_8);
            } else {
                rows.forEach(out::println);
            }
            out.printf(Locale.ROOT, "%d members evaluated against %d tags on %s%n", members.size(), engine.tagCount(), asOfDate);
            counts.forEach((tag, n) -> out.printf(Locale.ROOT, "  %-24s %,9d%n", tag.value(), n));
            return 0;
        } catch (ConfigException e) {
            err.println("error: catalogue " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || !OPTIONS.contains(args[i].substring(2))) {
                throw new IllegalArgumentException("option must be one of " + new java.util.TreeSet<>(OPTIONS) + ": " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option must have a value: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("catalogue", "members", "as-of")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " must be given: usage TagCli --catalogue FILE "
                        + "--members FILE [--transactions FILE] --as-of yyyy-MM-dd [--output FILE]");
            }
        }
        return options;
    }

    private static String read(String path) throws IOException {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(path + ": file must exist");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Rows of a CSV file whose header starts with {@code required} and may go on with {@code optional}. */
    private static List<String[]> csv(String path, List<String> required, List<String> optional) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (CsvFile.Row row : CsvFile.read(Path.of(path)).body(required, optional)) {
            String[] withLine = new String[row.size() + 1];
            withLine[0] = Integer.toString(row.line());
            for (int c = 0; c < row.size(); c++) {
                withLine[c + 1] = row.cell(c);
            }
            rows.add(withLine);
        }
        return rows;
    }

    private static Map<MemberId, MemberFacts> members(String path) throws IOException {
        Map<MemberId, MemberFacts> members = new LinkedHashMap<>();
        for (String[] row : csv(path, List.of("id", "joined", "channel", "birthday", "city", "region"), List.of("tier", "points"))) {
            int line = Integer.parseInt(row[0]);
            try {
                MemberProfile profile = MemberProfile.of(MemberId.of(row[1]), date(row[2], "joined", line),
                        AcquisitionChannel.of(row[3])).withConsent(Consent.all());
                if (!row[4].isEmpty()) {
                    profile = profile.withBirthday(MonthDay.parse("--" + row[4]));
                }
                if (!row[5].isEmpty() || !row[6].isEmpty()) {
                    profile = profile.withLocation(new Location(row[5], row[6]));
                }
                MemberFacts facts = MemberFacts.of(profile);
                if (row.length > 7 && !row[7].isEmpty()) {
                    facts = facts.withTier(Optional.of(TierId.of(row[7])));
                }
                if (row.length > 8 && !row[8].isEmpty()) {
                    facts = facts.withPointsBalance(Long.parseLong(row[8]));
                }
                if (members.put(profile.id(), facts) != null) {
                    throw new IllegalArgumentException("id must be unique: " + row[1]);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: birthday must be MM-dd: %s",
                        path, line, row[4]), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ":" + line + ": " + e.getMessage(), e);
            }
        }
        return members;
    }

    private static void addPurchases(String path, Map<MemberId, MemberFacts> members, TagCatalogue catalogue)
            throws IOException {
        Map<MemberId, List<Order>> orders = new HashMap<>();
        for (String[] row : csv(path, List.of("customer_id", "date", "amount"), List.of("category", "brand", "store"))) {
            int line = Integer.parseInt(row[0]);
            try {
                MemberId member = MemberId.of(row[1]);
                if (!members.containsKey(member)) {
                    throw new IllegalArgumentException("customer_id must be a member of the members file: " + row[1]);
                }
                Money amount = Money.of(new BigDecimal(row[3]), Money.CNY);
                if (!amount.isPositive()) {
                    throw new IllegalArgumentException("amount must be > 0: " + row[3]);
                }
                StoreId store = StoreId.of(row.length > 6 && !row[6].isEmpty() ? row[6] : "store");
                OrderLine orderLine = OrderLine.of(1, store,
                        BrandId.of(row.length > 5 && !row[5].isEmpty() ? row[5] : "unknown"),
                        CategoryId.of(row.length > 4 && !row[4].isEmpty() ? row[4] : "unknown"), SkuId.of("line-" + line),
                        1, amount);
                Instant at = date(row[2], "date", line).atTime(12, 0).atZone(catalogue.zone()).toInstant();
                orders.computeIfAbsent(member, m -> new ArrayList<>()).add(new Order(OrderId.of(path + ":" + line),
                        member, at, store, SalesChannel.STORE, List.of(orderLine), List.of(Tender.of(TenderType.MOBILE, amount))));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: amount must be yuan with at most 2 decimals: %s",
                        path, line, row[3]), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(path) ? e.getMessage()
                        : path + ":" + line + ": " + e.getMessage(), e);
            }
        }
        orders.forEach((member, list) -> members.put(member, members.get(member).withOrders(list)));
    }

    private static LocalDate date(String text, String field, int line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be yyyy-MM-dd%s: %s", field,
                    line > 0 ? " (line " + line + ")" : "", text), e);
        }
    }
}
