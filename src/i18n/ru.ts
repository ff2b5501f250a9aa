/** Russian user-facing strings (the default language). The shape of this object is `Messages`. */
export const ru = {
  app: {
    name: "Мониторинг ШНОР",
    tagline: "Мониторинг показателей школ с низкими образовательными результатами",
  },
  host: {
    loading: "Загрузка…",
    excel: "Надстройка подключена к Excel.",
    otherHost: "Надстройка открыта не в Excel: работает только в Excel.",
    outsideOffice: "Панель открыта вне Office: действия с книгой недоступны.",
  },
  shell: {
    functionsHint: "Введите в ячейке =EDU. — появится список функций надстройки.",
    comingSoon: "Разделы панели появятся в следующих версиях:",
    sections: [
      "Вставка листов показателей",
      "Сравнение периодов",
      "Цели и риски",
      "Сводка по школам",
      "Подготовка к отправке",
    ],
    privacy: "Данные остаются в вашей книге: надстройка ничего не отправляет в сеть.",
  },
};

export type Messages = typeof ru;
