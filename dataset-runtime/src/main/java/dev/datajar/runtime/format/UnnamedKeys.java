package dev.datajar.runtime.format;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

/**
 * Hibernate's implicit naming, except that an index, unique key or foreign key the entities leave
 * unnamed gets a placeholder ({@link IndexNames#UNNAMED} and Hibernate's own hashed name, unique
 * per table and columns) instead of a name like {@code IDXt45kjkrwpevfgaijbkpuwcnm9}: {@link
 * IndexNames} then names an index {@code <table>_<columns>} from the physical names, which only the
 * whole schema knows, and {@link TableKeys} a foreign key {@code <table>_<columns>_fkey}.
 */
final class UnnamedKeys extends ImplicitNamingStrategyJpaCompliantImpl {
  private static final long serialVersionUID = 1L;

  static final UnnamedKeys INSTANCE = new UnnamedKeys();

  private UnnamedKeys() {}

  @Override
  public Identifier determineIndexName(ImplicitIndexNameSource source) {
    return placeholder(source.getUserProvidedIdentifier(), super.determineIndexName(source));
  }

  @Override
  public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
    return placeholder(source.getUserProvidedIdentifier(), super.determineUniqueKeyName(source));
  }

  @Override
  public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
    return placeholder(source.getUserProvidedIdentifier(), super.determineForeignKeyName(source));
  }

  private static Identifier placeholder(Identifier given, Identifier hashed) {
    if (given != null) {
      return given;
    }
    return Identifier.toIdentifier(IndexNames.UNNAMED + hashed.getText());
  }
}
