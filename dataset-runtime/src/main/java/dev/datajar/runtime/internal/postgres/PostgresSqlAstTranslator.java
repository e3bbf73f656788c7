package dev.datajar.runtime.internal.postgres;

import jakarta.persistence.criteria.Nulls;
import org.hibernate.dialect.sql.ast.PostgreSQLSqlAstTranslator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.SortDirection;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.LikePredicate;
import org.hibernate.sql.exec.spi.JdbcOperation;

/**
 * PostgreSQL's SQL renderer with SQLite's ordering of NULL and SQLite's {@code LIKE}: NULL sorts
 * before every value unless a query says otherwise, and every {@code like} is written as {@code
 * ilike}, so a pattern matches regardless of case on both engines ({@code Where.like} and HQL
 * alike). Both then ignore the case of ASCII letters only: datajar builds PostgreSQL's text columns
 * {@code collate "C"}.
 */
class PostgresSqlAstTranslator<T extends JdbcOperation> extends PostgreSQLSqlAstTranslator<T> {
  PostgresSqlAstTranslator(SessionFactoryImplementor sessionFactory, Statement statement) {
    super(sessionFactory, statement);
  }

  /** NULL sorts as the smallest value, as on SQLite: first ascending, last descending. */
  @Override
  protected void visitSortSpecification(
      Expression sortExpression, SortDirection sortOrder, Nulls nulls, boolean ignoreCase) {
    if (nulls == null || nulls == Nulls.NONE) {
      nulls = sortOrder == SortDirection.DESCENDING ? Nulls.LAST : Nulls.FIRST;
    }
    super.visitSortSpecification(sortExpression, sortOrder, nulls, ignoreCase);
  }

  @Override
  public void visitLikePredicate(LikePredicate p) {
    if (p.isCaseSensitive()) {
      super.visitLikePredicate(
          new LikePredicate(
              p.getMatchExpression(),
              p.getPattern(),
              p.getEscapeCharacter(),
              p.isNegated(),
              false,
              p.getExpressionType()));
    } else {
      super.visitLikePredicate(p);
    }
  }
}
