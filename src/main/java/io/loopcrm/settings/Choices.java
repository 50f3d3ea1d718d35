package io.loopcrm.settings;

import io.loopcrm.common.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editable lists, kept in memory: they change only when an admin edits the settings, which
 * calls {@link #invalidate()}. Forms offer the active values; records show any value, archived or
 * not, and a code no list knows (from before the list existed) as it is.
 */
@ApplicationScoped
public class Choices {
  /**
   * A value as pages show it: {@code label} when an admin typed one, otherwise the translation
   * under {@code labelKey}; one of the two is set.
   */
  public record Option(
      long id, String code, String label, String labelKey, int position, boolean archived) {
    /** The id as a form value. */
    public String param() {
      return Long.toString(id);
    }
  }

  private final Cached<Map<ChoiceList, List<Option>>> lists = Cached.of(Choices::read);

  public List<Option> all(ChoiceList list) {
    return load().getOrDefault(list, List.of());
  }

  public List<Option> active(ChoiceList list) {
    return all(list).stream().filter(o -> !o.archived()).toList();
  }

  public List<String> activeCodes(ChoiceList list) {
    return active(list).stream().map(Option::code).toList();
  }

  public boolean isActive(ChoiceList list, String code) {
    return code != null && active(list).stream().anyMatch(o -> o.code().equals(code));
  }

  /** How a stored code shows: its option, or the code itself when no list knows it. */
  public Option show(ChoiceList list, String code) {
    if (code == null) {
      return null;
    }
    return all(list).stream()
        .filter(o -> o.code().equals(code))
        .findFirst()
        .orElse(new Option(0, code, code, null, 0, true));
  }

  public Option show(String list, String code) {
    return show(Objects.requireNonNull(ChoiceList.fromCode(list)), code);
  }

  public void invalidate() {
    lists.invalidate();
  }

  private Map<ChoiceList, List<Option>> load() {
    return lists.get();
  }

  private static Map<ChoiceList, List<Option>> read() {
    Map<ChoiceList, List<Option>> current = new LinkedHashMap<>();
    for (Choice c : Choice.<Choice>list("order by list, position, id")) {
      ChoiceList list = ChoiceList.fromCode(c.list);
      if (list == null) {
        continue;
      }
      String key = c.label == null ? list.keyOf(c.code) : null;
      String label = c.label == null && key == null ? c.code : c.label;
      current
          .computeIfAbsent(list, l -> new ArrayList<>())
          .add(new Option(c.id, c.code, label, key, c.position, c.archived));
    }
    return current;
  }
}
