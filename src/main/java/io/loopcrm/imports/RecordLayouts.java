package io.loopcrm.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an imported file holds besides leads: the accounts, contacts and deals (opportunities) of
 * the CRM being left. Each kind has its own targets and the column names of the Salesforce, HubSpot
 * and Odoo exports of that kind, recognised by signature columns before the lead layouts ({@link
 * ImportLayout}); the user can change the kind and every column.
 */
public final class RecordLayouts {
  /** The kinds of rows a file can hold. */
  public static final List<String> KINDS = List.of("lead", "account", "contact", "deal");

  /** The fields a column can fill, per kind other than lead; "" leaves the column out. */
  static final Map<String, List<String>> TARGETS =
      Map.of(
          "account",
          List.of(
              "",
              "name",
              "website",
              "industry",
              "region",
              "city",
              "country",
              "owner",
              "createdDate"),
          "contact",
          List.of(
              "",
              "firstName",
              "lastName",
              "fullName",
              "email",
              "phone",
              "title",
              "account",
              "website",
              "isCompany",
              "industry",
              "region",
              "city",
              "country",
              "owner",
              "createdDate"),
          "deal",
          List.of(
              "",
              "name",
              "account",
              "website",
              "contact",
              "amount",
              "currency",
              "stage",
              "closeDate",
              "lostReason",
              "nextStep",
              "owner",
              "createdDate"));

  /** A recognised file: its kind and the CRM it came from. */
  public record Detected(String kind, String layout) {}

  private static final Map<String, Map<String, Map<String, String>>> PRESETS =
      new LinkedHashMap<>();

  /** Signature columns per kind and CRM, most specific first. */
  private static final List<String[]> SIGNATURES =
      List.of(
          new String[] {"deal", "salesforce", "opportunity name", "account name", "stage"},
          new String[] {"deal", "hubspot", "record id", "deal name", "deal stage"},
          new String[] {"deal", "odoo", "opportunity", "customer", "expected revenue", "stage"},
          new String[] {"contact", "salesforce", "first name", "last name", "account name"},
          new String[] {"contact", "hubspot", "record id", "first name", "associated company"},
          new String[] {"contact", "odoo", "name", "is a company", "related company"},
          new String[] {"account", "salesforce", "account name", "account owner"},
          new String[] {"account", "hubspot", "record id", "company name", "company domain name"});

  static {
    preset(
        "account",
        "salesforce",
        "account name=name;website=website;industry=industry;billing city=city;"
            + "billing country=country;account owner=owner;created date=createdDate");
    preset(
        "account",
        "hubspot",
        "company name=name;company domain name=website;website url=website;industry=industry;"
            + "city=city;country/region=country;company owner=owner;create date=createdDate");
    preset(
        "account",
        "odoo",
        "name=name;website=website;industry=industry;city=city;country=country;"
            + "salesperson=owner;created on=createdDate");
    preset(
        "contact",
        "salesforce",
        "first name=firstName;last name=lastName;title=title;account name=account;email=email;"
            + "phone=phone;mailing city=city;mailing country=country;contact owner=owner;"
            + "created date=createdDate");
    preset(
        "contact",
        "hubspot",
        "first name=firstName;last name=lastName;email=email;phone number=phone;"
            + "job title=title;associated company=account;company name=account;city=city;"
            + "country/region=country;contact owner=owner;create date=createdDate");
    preset(
        "contact",
        "odoo",
        "name=fullName;is a company=isCompany;related company=account;email=email;phone=phone;"
            + "job position=title;website=website;industry=industry;city=city;country=country;"
            + "salesperson=owner;created on=createdDate");
    preset(
        "deal",
        "salesforce",
        "opportunity name=name;account name=account;amount=amount;"
            + "opportunity currency=currency;close date=closeDate;stage=stage;"
            + "opportunity owner=owner;created date=createdDate;next step=nextStep;"
            + "loss reason=lostReason;contact email=contact");
    preset(
        "deal",
        "hubspot",
        "deal name=name;associated company=account;associated contact=contact;amount=amount;"
            + "currency=currency;close date=closeDate;deal stage=stage;deal owner=owner;"
            + "create date=createdDate;closed lost reason=lostReason;next step=nextStep");
    preset(
        "deal",
        "odoo",
        "opportunity=name;customer=account;email=contact;expected revenue=amount;"
            + "currency=currency;expected closing=closeDate;stage=stage;salesperson=owner;"
            + "created on=createdDate;lost reason=lostReason");
    // generic files: every preset's names of the kind, and common plain ones
    for (String kind : TARGETS.keySet()) {
      Map<String, String> generic = new LinkedHashMap<>();
      PRESETS.get(kind).values().forEach(generic::putAll);
      PRESETS.get(kind).put("generic", generic);
    }
    extra(
        "account",
        "account=name;company=name;company name=name;domain=website;web site=website;"
            + "region=region;owner=owner;created=createdDate;公司=name;公司名称=name;网站=website;"
            + "行业=industry;城市=city;国家=country;负责人=owner;创建时间=createdDate");
    extra(
        "contact",
        "full name=fullName;e-mail=email;mobile=phone;company=account;account=account;"
            + "region=region;owner=owner;created=createdDate;姓名=fullName;邮箱=email;电话=phone;"
            + "职位=title;公司=account;负责人=owner;创建时间=createdDate");
    extra(
        "deal",
        "name=name;deal=name;account=account;company=account;value=amount;"
            + "expected close=closeDate;owner=owner;created=createdDate;商机=name;客户=account;"
            + "金额=amount;阶段=stage;预计成交日期=closeDate;负责人=owner;创建时间=createdDate");
  }

  private RecordLayouts() {}

  /** The kind and CRM a header's columns say, or a generic lead file ({@link ImportLayout}). */
  public static Detected detect(List<String> header) {
    List<String> keys = header.stream().map(ImportLayout::key).toList();
    for (String[] s : SIGNATURES) {
      if (keys.containsAll(List.of(s).subList(2, s.length))) {
        return new Detected(s[0], s[1]);
      }
    }
    return new Detected("lead", ImportLayout.detect(header));
  }

  /** The targets of a kind. */
  public static List<String> targets(String kind) {
    return kind.equals("lead") ? ImportLayout.TARGETS : TARGETS.get(kind);
  }

  /** The target of each column for rows of {@code kind} from {@code layout}, in column order. */
  public static List<String> mapping(String kind, String layout, List<String> header) {
    if (kind.equals("lead")) {
      return ImportLayout.mapping(layout, header);
    }
    Map<String, String> preset =
        PRESETS.get(kind).getOrDefault(layout, PRESETS.get(kind).get("generic"));
    List<String> targets = new ArrayList<>();
    for (String column : header) {
      String target = preset.getOrDefault(ImportLayout.key(column), "");
      // one column per target: the first wins
      targets.add(!target.isEmpty() && targets.contains(target) ? "" : target);
    }
    return targets;
  }

  private static void preset(String kind, String layout, String pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : pairs.split(";")) {
      int eq = pair.indexOf('=');
      m.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    PRESETS.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(layout, m);
  }

  private static void extra(String kind, String pairs) {
    Map<String, String> generic = PRESETS.get(kind).get("generic");
    for (String pair : pairs.split(";")) {
      int eq = pair.indexOf('=');
      generic.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
    }
  }
}
