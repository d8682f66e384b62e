/** Save-time checks of every Handlebars field of a template and of a report's own text fields. */
import type { Report, ReportTemplate } from '../../../shared/model/report.js';
import type { TemplateEngine } from './handlebars.js';

export function validateTemplate(engine: TemplateEngine, t: ReportTemplate): void {
  engine.validate(t.cover.title, 'cover.title');
  engine.validate(t.cover.subtitle, 'cover.subtitle');
  t.sections.forEach((s, i) => {
    const where = `sections.${i}`;
    engine.validate(s.title, `${where}.title`, `template section "${s.id}" title`);
    engine.validate(s.body, `${where}.body`, `template section "${s.id}" text`);
    engine.validateCondition(s.showIf, `${where}.showIf`);
  });
  engine.validate(t.appendix.title, 'appendix.title');
  engine.validate(t.appendix.body, 'appendix.body');
}

type ReportTexts = Pick<Report, 'delivery' | 'headerText' | 'footerText' | 'comments' | 'vars'>;

export function validateReportTexts(engine: TemplateEngine, r: ReportTexts): void {
  engine.validate(r.delivery.subject, 'delivery.subject', 'email subject');
  engine.validate(r.delivery.body, 'delivery.body', 'email text');
  engine.validate(r.delivery.attachmentName, 'delivery.attachmentName', 'attachment name pattern');
  engine.validate(r.headerText, 'headerText', 'page header');
  engine.validate(r.footerText, 'footerText', 'page footer');
  engine.validate(r.comments, 'comments', 'comments');
  for (const [k, v] of Object.entries(r.vars)) engine.validate(v, `vars.${k}`, `variable "${k}"`);
}
