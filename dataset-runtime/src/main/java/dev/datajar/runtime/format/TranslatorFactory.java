package dev.datajar.runtime.format;

import java.util.function.BiFunction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.StandardSqlAstTranslatorFactory;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.exec.spi.JdbcOperation;

/**
 * Hibernate's standard factory of SQL translators, making an engine's own translator instead of the
 * dialect's: how datajar's SQLite and PostgreSQL dialects change the SQL Hibernate writes.
 */
public final class TranslatorFactory extends StandardSqlAstTranslatorFactory {
  private final BiFunction<SessionFactoryImplementor, Statement, SqlAstTranslator<?>> translator;

  /**
   * @param translator makes a translator for a statement (a translator's constructor)
   */
  public TranslatorFactory(
      BiFunction<SessionFactoryImplementor, Statement, SqlAstTranslator<?>> translator) {
    this.translator = translator;
  }

  // The translators are generic in the operation they build, and build whichever they are given.
  @SuppressWarnings("unchecked")
  @Override
  protected <T extends JdbcOperation> SqlAstTranslator<T> buildTranslator(
      SessionFactoryImplementor sessionFactory, Statement statement) {
    return (SqlAstTranslator<T>) translator.apply(sessionFactory, statement);
  }
}
