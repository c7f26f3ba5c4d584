# Generated from forms/local_entity.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'local_entity.ui'
##

##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from intl_desk.core.i18n import _
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDoubleSpinBox,
    QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QSpinBox,
    QWidget)

class Ui_LocalEntityForm(object):
    def setupUi(self, LocalEntityForm):
        if not LocalEntityForm.objectName():
            LocalEntityForm.setObjectName(u"LocalEntityForm")
        self.form_layout = QFormLayout(LocalEntityForm)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_label = QLabel(LocalEntityForm)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(LocalEntityForm)
        self.name.setObjectName(u"name")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.kind_label = QLabel(LocalEntityForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(LocalEntityForm)
        self.kind.setObjectName(u"kind")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.code_label = QLabel(LocalEntityForm)
        self.code_label.setObjectName(u"code_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code = QLineEdit(LocalEntityForm)
        self.code.setObjectName(u"code")
        self.code.setMaximumSize(QSize(240, 16777215))

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.code)

        self.parent_id_label = QLabel(LocalEntityForm)
        self.parent_id_label.setObjectName(u"parent_id_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parent_id_label)

        self.parent_id = QComboBox(LocalEntityForm)
        self.parent_id.setObjectName(u"parent_id")
        self.parent_id.setMinimumSize(QSize(320, 0))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent_id)

        self.latitude_label = QLabel(LocalEntityForm)
        self.latitude_label.setObjectName(u"latitude_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.latitude_label)

        self.latitude = QDoubleSpinBox(LocalEntityForm)
        self.latitude.setObjectName(u"latitude")
        self.latitude.setDecimals(4)
        self.latitude.setMinimum(-90.000000000000000)
        self.latitude.setMaximum(90.000000000000000)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.latitude)

        self.longitude_label = QLabel(LocalEntityForm)
        self.longitude_label.setObjectName(u"longitude_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.longitude_label)

        self.longitude = QDoubleSpinBox(LocalEntityForm)
        self.longitude.setObjectName(u"longitude")
        self.longitude.setDecimals(4)
        self.longitude.setMinimum(-180.000000000000000)
        self.longitude.setMaximum(180.000000000000000)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.longitude)

        self.population_label = QLabel(LocalEntityForm)
        self.population_label.setObjectName(u"population_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.population_label)

        self.population = QSpinBox(LocalEntityForm)
        self.population.setObjectName(u"population")
        self.population.setMaximum(2000000000)
        self.population.setGroupSeparatorShown(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.population)

        self.notes_label = QLabel(LocalEntityForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(LocalEntityForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 80))

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notes)

        self.sub_entities_label = QLabel(LocalEntityForm)
        self.sub_entities_label.setObjectName(u"sub_entities_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.sub_entities_label)

        self.sub_entities_list = QListWidget(LocalEntityForm)
        self.sub_entities_list.setObjectName(u"sub_entities_list")
        self.sub_entities_list.setMinimumSize(QSize(0, 100))
        self.sub_entities_list.setMaximumSize(QSize(16777215, 200))
        self.sub_entities_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sub_entities_list.setAlternatingRowColors(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sub_entities_list)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.kind_label.setBuddy(self.kind)
        self.code_label.setBuddy(self.code)
        self.parent_id_label.setBuddy(self.parent_id)
        self.latitude_label.setBuddy(self.latitude)
        self.longitude_label.setBuddy(self.longitude)
        self.population_label.setBuddy(self.population)
        self.notes_label.setBuddy(self.notes)
        self.sub_entities_label.setBuddy(self.sub_entities_list)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LocalEntityForm)

        QMetaObject.connectSlotsByName(LocalEntityForm)
    # setupUi

    def retranslateUi(self, LocalEntityForm):
        self.name_label.setText(_(u"Name"))
        self.name.setPlaceholderText(_(u"Municipality, department, university\u2026 on our side"))
        self.kind_label.setText(_(u"Kind"))
        self.code_label.setText(_(u"Official code"))
        self.code.setPlaceholderText(_(u"e.g. IBGE, INSEE or INE code"))
        self.parent_id_label.setText(_(u"Part of"))
#if QT_CONFIG(tooltip)
        self.parent_id.setToolTip(_(u"The entity this one belongs to. It cannot be placed under itself or under one of its own sub-entities."))
#endif // QT_CONFIG(tooltip)
        self.latitude_label.setText(_(u"Latitude"))
        self.longitude_label.setText(_(u"Longitude"))
        self.population_label.setText(_(u"Population"))
        self.notes_label.setText(_(u"Notes"))
        self.sub_entities_label.setText(_(u"Under it"))
#if QT_CONFIG(tooltip)
        self.sub_entities_list.setToolTip(_(u"Entities placed under this one. Double-click one to open it."))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

