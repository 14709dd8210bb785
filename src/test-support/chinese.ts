/** The page's Chinese, for tests that check what a person reading 简体中文 sees. */
import { makeTranslate, type Catalogue } from '../ui/i18n/i18n';
import zh from '../ui/i18n/zh.json';

export const chinese = makeTranslate('zh', zh as Catalogue);
