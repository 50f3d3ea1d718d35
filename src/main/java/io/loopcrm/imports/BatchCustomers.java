package io.loopcrm.imports;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.LeadConversion;
import io.loopcrm.lead.Lead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accounts, contacts and deals a batch of imported rows can name, found in a few indexed
 * queries for the whole batch (accounts by domain and by name, contacts by e-mail, deals by account
 * and name), and kept up to date as the batch adds its own.
 */
final class BatchCustomers {
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>(),;\"']+@[^\\s<>(),;\"']+");

  private final Map<String, Account> byDomain = new HashMap<>();
  private final Map<String, Account> byName = new HashMap<>();
  private final Map<String, Contact> byEmail = new HashMap<>();
  private final Map<String, Deal> deals = new HashMap<>();

  private BatchCustomers() {}

  static BatchCustomers load(List<RecordRow> rows) {
    BatchCustomers c = new BatchCustomers();
    List<String> domains = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    List<String> dealNames = new ArrayList<>();
    for (RecordRow r : rows) {
      if (r.problem() != null) {
        continue;
      }
      String domain = domainOf(r);
      if (domain != null) {
        domains.add(domain);
      }
      String name = r.isCompany() ? RecordRow.accountName(r.values()) : r.get("account");
      if (name != null) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
      String email = r.kind().equals("deal") ? emailIn(r.get("contact")) : email(r.get("email"));
      if (email != null) {
        emails.add(email);
      }
      if (r.kind().equals("deal")) {
        dealNames.add(r.get("name").toLowerCase(Locale.ROOT));
      }
    }
    // one indexed lookup per key kind (an OR of both would scan the table)
    if (!domains.isEmpty()) {
      Account.<Account>list("lower(domain) in ?1 order by id", domains).forEach(c::add);
    }
    if (!names.isEmpty()) {
      Account.<Account>list("lower(name) in ?1 order by id", names).forEach(c::add);
    }
    if (!emails.isEmpty()) {
      Contact.<Contact>list("emailNormalized in ?1 order by id", emails)
          .forEach(x -> c.byEmail.putIfAbsent(x.emailNormalized, x));
    }
    List<Long> accounts =
        c.byName.values().stream()
            .map(a -> a.id)
            .distinct()
            .collect(java.util.stream.Collectors.toList());
    c.byDomain.values().forEach(a -> accounts.add(a.id));
    if (!dealNames.isEmpty() && !accounts.isEmpty()) {
      Deal.<Deal>list("account.id in ?1 and lower(name) in ?2 order by id", accounts, dealNames)
          .forEach(c::add);
    }
    return c;
  }

  /** The account a row names: by web domain (its website, else its e-mail's), then by name. */
  Account account(RecordRow r) {
    String domain = domainOf(r);
    Account a = domain == null ? null : byDomain.get(domain);
    if (a != null) {
      return a;
    }
    String name = r.isCompany() ? RecordRow.accountName(r.values()) : r.get("account");
    return name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
  }

  void add(Account a) {
    if (a.domain != null) {
      byDomain.putIfAbsent(a.domain.toLowerCase(Locale.ROOT), a);
    }
    byName.putIfAbsent(a.name.toLowerCase(Locale.ROOT), a);
  }

  Contact contact(String normalizedEmail) {
    return normalizedEmail == null ? null : byEmail.get(normalizedEmail);
  }

  void add(Contact c) {
    if (c.emailNormalized != null) {
      byEmail.putIfAbsent(c.emailNormalized, c);
    }
  }

  Deal deal(Account account, String name) {
    return account.id == null ? null : deals.get(account.id + "\t" + name.toLowerCase(Locale.ROOT));
  }

  void add(Deal d) {
    deals.putIfAbsent(d.account.id + "\t" + d.name.toLowerCase(Locale.ROOT), d);
  }

  /** The web domain of a row: its website's, else (people) its company e-mail's. */
  static String domainOf(RecordRow r) {
    String domain = Account.normalizeDomain(r.get("website"));
    if (domain == null && !r.isCompany() && !r.kind().equals("deal")) {
      domain = LeadConversion.companyDomainOf(email(r.get("email")));
    }
    return domain;
  }

  static String email(String raw) {
    return raw == null ? null : Lead.normalizeEmail(raw);
  }

  /** The e-mail address in a cell such as "Ana Li (ana@acme.com)", normalised. */
  static String emailIn(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = EMAIL.matcher(raw);
    return m.find() && Lead.isEmail(m.group()) ? Lead.normalizeEmail(m.group()) : null;
  }
}
