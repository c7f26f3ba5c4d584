# Generated from forms/network.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'network.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QWidget)

class Ui_NetworkForm(object):
    def setupUi(self, NetworkForm):
        if not NetworkForm.objectName():
            NetworkForm.setObjectName(u"NetworkForm")
        self.form_layout = QFormLayout(NetworkForm)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_label = QLabel(NetworkForm)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(NetworkForm)
        self.name.setObjectName(u"name")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.acronym_label = QLabel(NetworkForm)
        self.acronym_label.setObjectName(u"acronym_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.acronym_label)

        self.acronym = QLineEdit(NetworkForm)
        self.acronym.setObjectName(u"acronym")
        self.acronym.setMaximumSize(QSize(200, 16777215))

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.acronym)

        self.scope_label = QLabel(NetworkForm)
        self.scope_label.setObjectName(u"scope_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scope_label)

        self.scope = QComboBox(NetworkForm)
        self.scope.setObjectName(u"scope")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scope)

        self.parent_id_label = QLabel(NetworkForm)
        self.parent_id_label.setObjectName(u"parent_id_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parent_id_label)

        self.parent_id = QComboBox(NetworkForm)
        self.parent_id.setObjectName(u"parent_id")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent_id)

        self.themes_label = QLabel(NetworkForm)
        self.themes_label.setObjectName(u"themes_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.themes_label)

        self.themes_list = QListWidget(NetworkForm)
        self.themes_list.setObjectName(u"themes_list")
        self.themes_list.setMinimumSize(QSize(0, 200))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.themes_list)

        self.website_label = QLabel(NetworkForm)
        self.website_label.setObjectName(u"website_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.website_label)

        self.website = QLineEdit(NetworkForm)
        self.website.setObjectName(u"website")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.website)

        self.description_label = QLabel(NetworkForm)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(NetworkForm)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.description)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.acronym_label.setBuddy(self.acronym)
        self.scope_label.setBuddy(self.scope)
        self.parent_id_label.setBuddy(self.parent_id)
        self.themes_label.setBuddy(self.themes_list)
        self.website_label.setBuddy(self.website)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NetworkForm)

        QMetaObject.connectSlotsByName(NetworkForm)
    # setupUi

    def retranslateUi(self, NetworkForm):
        self.name_label.setText(_(u"Name"))
        self.name.setPlaceholderText(_(u"e.g. United Cities and Local Governments"))
        self.acronym_label.setText(_(u"Acronym"))
        self.acronym.setPlaceholderText(_(u"e.g. UCLG"))
        self.scope_label.setText(_(u"Scope"))
        self.parent_id_label.setText(_(u"Part of"))
#if QT_CONFIG(tooltip)
        self.parent_id.setToolTip(_(u"The wider network this one belongs to, such as a country group within a national association."))
#endif // QT_CONFIG(tooltip)
        self.themes_label.setText(_(u"Themes"))
#if QT_CONFIG(tooltip)
        self.themes_list.setToolTip(_(u"Tick the themes the network works on."))
#endif // QT_CONFIG(tooltip)
        self.website_label.setText(_(u"Website"))
        self.website.setPlaceholderText(_(u"https://"))
        self.description_label.setText(_(u"Description"))
        pass
    # retranslateUi

