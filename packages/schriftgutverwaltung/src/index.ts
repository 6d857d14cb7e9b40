// The rules of records law, one module per rule (the table in docs/domaene.md maps each rule to
// its module and its test). Import a rule by its module: `@eakte/schriftgutverwaltung/<modul>`.
export {};
